import { RunSheetView } from '@rasad/contracts';
import { DateTime } from 'luxon';
import { pdfDocument } from '@rasad/common/pdf';

const MARGIN = 40;

/**
 * A trip's run sheet as a PDF for the driver, A4: the vehicle and driver, where to start and when, then each stop in
 * the order driven with its times and the passengers who get off (outbound) or on (return) there. Times are local.
 */
export function runSheetPdf(sheet: RunSheetView, timeZone: string): Promise<Buffer> {
  const local = (iso: string, format = 'HH:mm') => DateTime.fromISO(iso).setZone(timeZone).toFormat(format);
  const doc = pdfDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Run sheet ${sheet.vehicle.registration}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { trip } = sheet;
  doc.font('Helvetica-Bold').fontSize(16).text(`Run sheet: ${sheet.vehicle.registration}`);
  doc.font('Helvetica').fontSize(10);
  doc.text(
    `${trip.direction === 'outbound' ? 'To the posts' : 'Back from the posts'}, ${local(trip.startsAt, 'ccc d LLL yyyy')}`,
  );
  doc.text(`Vehicle: ${sheet.vehicle.registration} (${sheet.vehicle.type}, ${sheet.vehicle.seats} seats)`);
  doc.text(
    `Driver: ${sheet.driver.name ?? '?'} ${sheet.driver.serviceNumber ? `(${sheet.driver.serviceNumber})` : ''}, licence ${sheet.driver.licenceNumber}`,
  );
  doc.text(
    `${trip.direction === 'outbound' ? 'Leave' : 'Return to'} ${sheet.pickupPoint.name}${sheet.pickupPoint.address ? `, ${sheet.pickupPoint.address}` : ''}: ` +
      `${local(trip.direction === 'outbound' ? trip.startsAt : trip.endsAt)}`,
  );
  doc.text(`Passengers: ${trip.seatsTaken} of ${trip.seats}. Status: ${trip.status}.`);
  for (const stop of sheet.stops) {
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`${stop.position + 1}. ${stop.postCode ?? ''} ${stop.postName ?? stop.postId}`);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Arrive ${local(stop.arrivesAt)}, leave ${local(stop.departsAt)}. ${stop.passengers.length} passengers:`);
    for (const passenger of stop.passengers) {
      doc.text(
        `   [ ]  ${passenger.serviceNumber ?? ''}  ${passenger.name ?? passenger.personnelId}  ${passenger.rank ?? ''}`,
      );
    }
  }
  doc.end();
  return done;
}
