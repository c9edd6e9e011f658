// The demo roster is the roster's (its seed); meals' demo kitchens must serve its districts, tehsils and posts by
// their ids, so they are derived from the same deterministic data rather than copied.
import { buildHaripurDemo } from '../../../roster/src/seed/haripur-demo';
import { demoUuid } from '../../../roster/src/seed/seed-random';

export interface DemoKitchen {
  id: string;
  name: string;
  districtId: string;
  tehsilIds: string[];
  postIds: string[];
  contactPhone: string;
  capacityPerSlot: number;
  costPerMeal: string;
}

/** The posts the Police Lines mess feeds: the district's own (control room, strong room, DRO office, the lines' QRF). */
const POLICE_LINES_POSTS = ['CR-HRP-01', 'SR-HRP-01', 'DRO-HRP-01', 'QRF-HRP-01'];

// Everyone with a duty at a kitchen's posts, with a tenth to spare, rounded up to fifty: a slot never feeds more.
const capacityFor = (people: number) => Math.ceil((people * 1.1) / 50) * 50;

/**
 * Haripur's kitchens: one per tehsil and the Police Lines mess, with room for every slot of the poll day, so that
 * generating the demo's plans places every post.
 */
export function haripurKitchens(): DemoKitchen[] {
  const demo = buildHaripurDemo();
  const haripur = demo.districts.find((district) => district.code === 'HRP')!;
  const postsOf = (predicate: (post: (typeof demo.posts)[number]) => boolean) =>
    demo.posts.filter((post) => post.districtId === haripur.id && predicate(post));
  const peopleAt = (postIds: Set<string>) =>
    new Set(demo.assignments.filter((duty) => postIds.has(duty.postId)).map((duty) => duty.personnelId)).size;
  const linesPosts = postsOf((post) => POLICE_LINES_POSTS.includes(post.code));
  const kitchens: DemoKitchen[] = [
    {
      id: demoUuid('kitchen:police-lines'),
      name: 'Police Lines Mess Haripur',
      districtId: haripur.id,
      tehsilIds: [],
      postIds: linesPosts.map((post) => post.id),
      contactPhone: '+923005550100',
      capacityPerSlot: capacityFor(peopleAt(new Set(linesPosts.map((post) => post.id)))),
      costPerMeal: '400.00',
    },
  ];
  demo.tehsils
    .filter((tehsil) => tehsil.districtId === haripur.id)
    .forEach((tehsil, index) => {
      const posts = postsOf((post) => post.tehsilId === tehsil.id);
      kitchens.push({
        id: demoUuid(`kitchen:${tehsil.code}`),
        name: `${tehsil.name} Tehsil Caterers`,
        districtId: haripur.id,
        tehsilIds: [tehsil.id],
        postIds: [],
        contactPhone: `+92300555011${index}`,
        capacityPerSlot: capacityFor(peopleAt(new Set(posts.map((post) => post.id)))),
        costPerMeal: '350.00',
      });
    });
  return kitchens;
}
