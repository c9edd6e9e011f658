export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const TRAVEL_MODES = ['provided', 'self'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const LANGUAGES = ['en', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];
