import { Gender } from '@rasad/personnel';
import { RoomGender } from '@rasad/contracts';

const ROOM_FOR: Record<Exclude<RoomGender, 'any'>, string> = { male: 'men', female: 'women' };

/**
 * Why this person may not sleep in this room, or null: a room for men takes men, a room for women takes women, a
 * room for anyone takes anyone; women only at a site suitable for them (the auto-allocation's `bedFits` says the same).
 */
export function genderClash(
  room: { roomId: string; roomName: string; roomGender: RoomGender; siteName: string; suitableForWomen: boolean },
  person: { id: string; gender: Gender },
): string | null {
  if (person.gender === 'female' && !room.suitableForWomen) {
    return `site ${room.siteName} is not suitable for women; personnel ${person.id} is female`;
  }
  if (room.roomGender === 'any' || room.roomGender === person.gender) {
    return null;
  }
  return `room ${room.roomId} (${room.roomName}) is for ${ROOM_FOR[room.roomGender]}; personnel ${person.id} is ${person.gender}`;
}
