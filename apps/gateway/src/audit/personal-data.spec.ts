import { maskPersonalData } from './personal-data';

describe('maskPersonalData', () => {
  it('masks CNIC and phone fields at any depth, in lists too, and leaves everything else alone', () => {
    const image = {
      id: '0190b0c0-0000-7000-8000-000000000000',
      name: 'Constable Asif',
      cnic: '13302-5550001-3',
      phone: '+923005550001',
      strength: 12,
      items: [{ person: { cnic: '1330255500024', contactPhone: '0300-5550002' } }],
      phones: ['03005550003'],
      at: null,
    };
    expect(maskPersonalData(image)).toEqual({
      id: '0190b0c0-0000-7000-8000-000000000000',
      name: 'Constable Asif',
      cnic: '*****-*******-3',
      phone: '+92*******001',
      strength: 12,
      items: [{ person: { cnic: '************4', contactPhone: '+92*******002' } }],
      phones: ['+92*******003'],
      at: null,
    });
    expect(image.cnic).toBe('13302-5550001-3');
    expect(maskPersonalData(maskPersonalData(image))).toEqual(maskPersonalData(image));
  });

  it('replaces CNICs and phones written inside free text', () => {
    const letter = {
      error: 'duplicate key (cnic)=(13302-5550001-3) for +923005550001',
      payload: { body: 'Reminder sent to 0300-5550004' },
    };
    const masked = JSON.stringify(maskPersonalData(letter));
    for (const secret of ['5550001', '5550004']) {
      expect(masked).not.toContain(secret);
    }
  });
});
