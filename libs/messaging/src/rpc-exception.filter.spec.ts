import { redactPersonalData } from './rpc-exception.filter';

describe('redactPersonalData', () => {
  it('removes CNICs and Pakistani mobile numbers from error text', () => {
    expect(redactPersonalData("Key (cnic)=(13302-1234567-1) exists; phone '+923001234567' or 0300-1234567")).toBe(
      "Key (cnic)=([cnic]) exists; phone '[phone]' or [phone]",
    );
  });
});
