import { Gender } from '@rasad/personnel';
import { RoomGender } from '@rasad/contracts';

const ROOM_FOR: Record<Exclude<RoomGender, 'any'>, string> = { male: 'men', female: 'women' };

/**
 * Why this person may not sleep in this room, or null: a room for men takes men, a room for women takes women, a
 * room for anyone takes anyone.
 */
export function genderClash(
  room: { roomId: string; roomName: string; roomGender: RoomGender },
  person: { id: string; gender: Gender },
): string | null {
  if (room.roomGender === 'any' || room.roomGender === person.gender) {
    return null;
  }
  return `room ${room.roomId} (${room.roomName}) is for ${ROOM_FOR[room.roomGender]}; personnel ${person.id} is ${person.gender}`;
}
