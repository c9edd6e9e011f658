import { useT } from '../i18n';
import { ReadinessPost } from '../readiness';

/**
 * The posts where they are, from their coordinates, drawn without map tiles (a control room may be offline): a dot
 * per post in its colour. A picture for the eye; the grid, the gap list and each post's page say the same in words.
 */
export function PostsMap({ posts }: { posts: ReadinessPost[] }) {
  const { t } = useT();
  const placed = posts.filter((post) => post.latitude !== null && post.longitude !== null);
  if (placed.length === 0) {
    return null;
  }
  const lats = placed.map((post) => post.latitude!);
  const lons = placed.map((post) => post.longitude!);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const width = 600;
  const height = 360;
  const x = (lon: number) => 10 + ((lon - minLon) / Math.max(maxLon - minLon, 1e-6)) * (width - 20);
  const y = (lat: number) => 10 + ((maxLat - lat) / Math.max(maxLat - minLat, 1e-6)) * (height - 20);
  return (
    <figure class="panel map">
      <figcaption>
        {t('posts')} ({placed.length})
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" class="posts-map" dir="ltr">
        {placed.map((post) => (
          <circle
            key={post.postId}
            cx={x(post.longitude!)}
            cy={y(post.latitude!)}
            r="5"
            class={`dot ${post.colour}`}
            data-post-id={post.postId}
            data-colour={post.colour}
          >
            <title>
              {post.code} {post.name}: {t(post.colour)}
            </title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
