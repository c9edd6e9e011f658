# One image for every Rasad app and deploy step; docker-compose.yml picks one with `command`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The deploy step that creates the event stream (docker-compose.yml's nats-setup) and the stream's definition.
COPY --from=build /app/scripts/nats-setup.js ./scripts/
COPY --from=build /app/libs/messaging/src/events/rasad-events.stream.json ./libs/messaging/src/events/
COPY package.json ./
USER node
