// Data tables for the synthetic Haripur demo. Places are real-sounding, coordinates approximate, people invented.

export type TehsilKey = 'HRP' | 'GHZ' | 'KHP';

export interface TehsilRow {
  key: TehsilKey;
  code: string;
  name: string;
}

export const TEHSIL_ROWS: readonly TehsilRow[] = [
  { key: 'HRP', code: 'HRP-HRP', name: 'Haripur' },
  { key: 'GHZ', code: 'HRP-GHZ', name: 'Ghazi' },
  { key: 'KHP', code: 'HRP-KHP', name: 'Khanpur' },
];

export interface VillageRow {
  name: string;
  /** In the hills, far from any police base. */
  remote: boolean;
}

export interface PoliceStationRow {
  code: string;
  name: string;
  tehsil: TehsilKey;
  latitude: number;
  longitude: number;
  pollingStations: number;
  villages: readonly VillageRow[];
}

// pollingStations sums to 300: Haripur tehsil about 58%, Ghazi and Khanpur about 21% each.
// Villages marked * lie in the hills, far from any police base: their polling stations are remote.
// prettier-ignore
const STATION_TABLE: readonly (readonly [string, string, TehsilKey, number, number, number, string])[] = [
  ['PS-HRP-CITY', 'City Haripur', 'HRP', 33.9946, 72.9106, 32,
    'Haripur City, Mohallah Dheenda, Kangra Colony, Pandak, Civil Lines, Mohallah Sikandarpura, Talab Sarai, Mohallah Khalil'],
  ['PS-HRP-SADDAR', 'Saddar Haripur', 'HRP', 33.962, 72.898, 30,
    'Pind Hashim Khan, Darwesh, Bakka, Dingi, Kholian Payan, Rehana, Panian, Nara'],
  ['PS-HRP-SSALEH', 'Sarai Saleh', 'HRP', 34.028, 72.962, 26,
    'Sarai Saleh, Shah Maqsood, Kalinjar, Pharala, Bandi Sher Khan, Garhi Mera, Kholian Bala'],
  ['PS-HRP-KOTNAJ', 'Kot Najibullah', 'HRP', 34.001, 72.862, 24,
    'Kot Najibullah, Ali Khan, Jatti Pind, Mankrai, Padhana, Chechian, Sikandarpur'],
  ['PS-HRP-KHALABAT', 'Khalabat', 'HRP', 34.046, 72.889, 20, 'Khalabat Township, Dheri, Kotehra, Bhera, Qazipur, Jabbi'],
  ['PS-HRP-HATTAR', 'Hattar', 'HRP', 33.873, 72.858, 24, 'Hattar, Pind Kamal Khan, Dara, Ghaniya, Chajjian, Mohra, Burhan Road'],
  ['PS-HRP-SNKHAN', 'Serai Niamat Khan', 'HRP', 34.068, 73.046, 18,
    'Serai Niamat Khan, Kokmang, Baghbana, Dhenda Bala*, Jandial, Salam Khand*'],
  ['PS-HRP-GHAZI', 'Ghazi', 'GHZ', 34.021, 72.662, 36,
    'Ghazi, Tarbela, Nara Amazai*, Sirikot*, Kundi, Baitgali*, Manak Rai, Gandgar*, Kotera'],
  ['PS-HRP-BEER', 'Beer', 'GHZ', 34.092, 72.803, 26, 'Beer, Tofkian, Majhohi*, Nilan Bhoto, Kohala Bala*, Dheri Mera'],
  ['PS-HRP-KHANPUR', 'Khanpur', 'KHP', 33.812, 72.932, 30, 'Khanpur, Talokar, Halli*, Jaulian, Kohala*, Pind Gakhra, Chhapra*'],
  ['PS-HRP-NAJAFPUR', 'Najafpur', 'KHP', 33.878, 72.996, 18, 'Najafpur, Bagra, Lalogali*, Kholian, Dhamak, Mohra Malhar'],
  ['PS-HRP-JABRI', 'Jabri', 'KHP', 33.928, 73.104, 16, 'Jabri*, Bhera Jabri*, Haripur Bala, Kharkot*, Sajikot*'],
];

export const POLICE_STATION_ROWS: readonly PoliceStationRow[] = STATION_TABLE.map(
  ([code, name, tehsil, latitude, longitude, pollingStations, villages]) => ({
    code,
    name,
    tehsil,
    latitude,
    longitude,
    pollingStations,
    villages: list(villages).map((village) => ({ name: village.replace('*', ''), remote: village.endsWith('*') })),
  }),
);

export type StationGender = 'Male' | 'Female' | 'Combined';

export const SCHOOLS_BY_GENDER: Record<StationGender, readonly string[]> = {
  Male: ['Govt. Boys Primary School', 'Govt. Boys Middle School', 'Govt. High School', 'Govt. Higher Secondary School'],
  Female: ['Govt. Girls Primary School', 'Govt. Girls Middle School', 'Govt. Girls High School'],
  Combined: ['Govt. Primary School', 'Govt. Boys Primary School', 'Govt. Community School', 'Union Council Office'],
};

export interface CheckpointRow {
  name: string;
  policeStation: string;
  latitude: number;
  longitude: number;
  remote?: boolean;
}

export const CHECKPOINT_ROWS: readonly CheckpointRow[] = [
  { name: 'Hazara Motorway Hattar Interchange', policeStation: 'PS-HRP-HATTAR', latitude: 33.861, longitude: 72.842 },
  { name: 'Hazara Motorway Haripur Interchange', policeStation: 'PS-HRP-SADDAR', latitude: 33.951, longitude: 72.884 },
  {
    name: 'Hazara Motorway Shah Maqsood Interchange',
    policeStation: 'PS-HRP-SSALEH',
    latitude: 34.035,
    longitude: 72.978,
  },
  { name: 'Burhan-Hattar Road District Border', policeStation: 'PS-HRP-HATTAR', latitude: 33.852, longitude: 72.812 },
  { name: 'Wah-Hattar Road Entry', policeStation: 'PS-HRP-HATTAR', latitude: 33.838, longitude: 72.874 },
  { name: 'Karakoram Highway Serai Niamat Khan', policeStation: 'PS-HRP-SNKHAN', latitude: 34.071, longitude: 73.058 },
  { name: 'Karakoram Highway Sarai Saleh Chowk', policeStation: 'PS-HRP-SSALEH', latitude: 34.022, longitude: 72.955 },
  { name: 'Central Jail Chowk Haripur', policeStation: 'PS-HRP-CITY', latitude: 33.99, longitude: 72.922 },
  { name: 'General Bus Stand Haripur', policeStation: 'PS-HRP-CITY', latitude: 33.998, longitude: 72.905 },
  { name: 'Railway Station Road Haripur', policeStation: 'PS-HRP-CITY', latitude: 34.002, longitude: 72.915 },
  { name: 'Tarbela Road Kot Najibullah', policeStation: 'PS-HRP-KOTNAJ', latitude: 34.006, longitude: 72.849 },
  { name: 'Khalabat Township Bridge', policeStation: 'PS-HRP-KHALABAT', latitude: 34.051, longitude: 72.879 },
  { name: 'Tarbela Dam Main Gate', policeStation: 'PS-HRP-GHAZI', latitude: 34.087, longitude: 72.694 },
  { name: 'Ghazi Barotha Bridge', policeStation: 'PS-HRP-GHAZI', latitude: 34.006, longitude: 72.641 },
  { name: 'Sirikot Road Entry', policeStation: 'PS-HRP-GHAZI', latitude: 34.045, longitude: 72.628, remote: true },
  { name: 'Beer Chowk', policeStation: 'PS-HRP-BEER', latitude: 34.088, longitude: 72.812 },
  { name: 'Khanpur Dam Road', policeStation: 'PS-HRP-KHANPUR', latitude: 33.805, longitude: 72.925 },
  { name: 'Taxila-Khanpur Road District Border', policeStation: 'PS-HRP-KHANPUR', latitude: 33.801, longitude: 72.889 },
  { name: 'Najafpur Bridge', policeStation: 'PS-HRP-NAJAFPUR', latitude: 33.882, longitude: 73.004 },
  { name: 'Jabri Bazaar', policeStation: 'PS-HRP-JABRI', latitude: 33.931, longitude: 73.112, remote: true },
];

export const MALE_FIRST_NAMES: readonly string[] = list(
  'Muhammad Imran, Ahmed, Ali, Tariq, Asif, Zahid, Khalid, Shahid, Waqas, Bilal, Usman, Naveed, Sajid, ' +
    'Javed, Arshad, Nadeem, Fayyaz, Iftikhar, Abdul Rauf, Zubair, Habib, Qaiser, Aftab, Raheel, Adnan, ' +
    'Kamran, Irfan, Shakeel, Amjad, Sohail, Wajid, Azhar, Mushtaq, Ishtiaq, Ghulam Mustafa, Fazal, ' +
    'Sarfraz, Iqbal, Rashid, Zafar, Munir, Noman, Faisal, Haroon, Saqib, Junaid, Abid, Tanveer, Aurangzeb, ' +
    'Abdul Qayyum, Sher Afzal, Riaz, Nasir, Yasir, Shoaib, Umar Farooq, Hamid, Zeeshan, Asad, ' +
    'Muhammad Ayub, Liaqat, Mehboob, Pervaiz, Shafqat, Waseem',
);

export const FEMALE_FIRST_NAMES: readonly string[] = list(
  'Nasreen, Shazia, Rubina, Sajida, Farzana, Naila, Samina, Nighat, Asma, Bushra, Saima, Fouzia, Kiran, ' +
    'Rabia, Sadia, Uzma, Amna, Hina, Mehwish, Sana, Iqra, Shabana, Tahira, Yasmeen, Zahida, Ayesha, ' +
    'Fatima, Nabila, Robina, Sumaira',
);

// Family and tribal names common in Hazara.
export const SURNAMES: readonly string[] = list(
  'Khan, Tareen, Tanoli, Jadoon, Awan, Gujjar, Mishwani, Dilazak, Karlal, Abbasi, Qureshi, Shah, Mughal, ' +
    'Rajput, Turk, Swati, Tahirkheli, Hashmi, Malik, Utmanzai, Gakhar, Satti',
);

function list(commaSeparated: string): string[] {
  return commaSeparated.split(',').map((entry) => entry.trim());
}
