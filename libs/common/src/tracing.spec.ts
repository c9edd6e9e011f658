import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { OtlpReceiver, eventually } from '@rasad/testing';
import { SpanKind, Tracing, contextFromTraceparent, traceparentOf, withSpan } from './tracing';

describe('trace context', () => {
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('reads a traceparent and writes it back the same', () => {
    const context = contextFromTraceparent(traceparent);
    expect(traceparentOf(trace.wrapSpanContext(trace.getSpanContext(context)!))).toBe(traceparent);
  });

  it('reads an absent or malformed traceparent as the root context', () => {
    expect(contextFromTraceparent(undefined)).toBe(ROOT_CONTEXT);
    expect(contextFromTraceparent('00-nothex-00f067aa0ba902b7-01')).toBe(ROOT_CONTEXT);
    expect(contextFromTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBe(ROOT_CONTEXT);
  });

  it('has nothing to carry when no span is active (tracing off)', () => {
    expect(traceparentOf()).toBeNull();
  });

  it('is off without an endpoint, on with one: a child span continues the caller, is active inside withSpan and is exported', async () => {
    expect(new Tracing('roster', {}).enabled).toBe(false);
    const receiver = await OtlpReceiver.start();
    const tracing = new Tracing('roster', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
    expect(tracing.enabled).toBe(true);
    const span = tracing.start('roster.assignment.create.v1', SpanKind.SERVER, contextFromTraceparent(traceparent));
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const inside = withSpan(span, () => traceparentOf());
    expect(inside).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
    span.end();
    await tracing.shutdown();
    await eventually(() =>
      expect(receiver.spans).toEqual([
        expect.objectContaining({
          service: 'rasad-roster',
          name: 'roster.assignment.create.v1',
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          parentSpanId: '00f067aa0ba902b7',
        }),
      ]),
    );
    await receiver.stop();
  });
});
