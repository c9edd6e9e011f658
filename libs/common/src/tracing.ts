import {
  Attributes,
  Context,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  Tracer,
  context,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { parseTraceParent } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** The W3C header every hop carries: HTTP, NATS requests, the outbox row, JetStream events. */
export const TRACEPARENT = 'traceparent';

export interface TracingSettings {
  /** OTLP/HTTP base URL (`http://collector:4318`); spans go to `<it>/v1/traces`. Unset: tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** Share of new traces kept; a request that arrives in a sampled trace is always kept. */
  RASAD_TRACE_SAMPLE_RATIO?: number;
}

/** A collector that does not answer costs a batch of spans, and holds a shutdown no longer than this. */
const EXPORT_TIMEOUT_MS = 5000;

let contextManagerSet = false;

/**
 * One service's tracer. Off (no endpoint) it is never asked for a span: callers test `enabled` first, so a request
 * costs a boolean test. On, spans are batched to the OTLP/HTTP endpoint as JSON. Each service has its own provider
 * (its own `service.name`), since the e2e harness runs several services in one process; the async context that
 * carries the active span is the process's one.
 */
export class Tracing {
  readonly enabled: boolean;
  private readonly provider?: BasicTracerProvider;
  private readonly tracer?: Tracer;

  constructor(service: string, settings: TracingSettings) {
    const endpoint = settings.OTEL_EXPORTER_OTLP_ENDPOINT;
    this.enabled = Boolean(endpoint);
    if (!endpoint) {
      return;
    }
    if (!contextManagerSet) {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      contextManagerSet = true;
    }
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `rasad-${service}` }),
      sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.RASAD_TRACE_SAMPLE_RATIO ?? 1) }),
      spanProcessors: [
        new BatchSpanProcessor(
          new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces`, timeoutMillis: EXPORT_TIMEOUT_MS }),
          { scheduledDelayMillis: 1000, exportTimeoutMillis: EXPORT_TIMEOUT_MS },
        ),
      ],
    });
    this.tracer = this.provider.getTracer('rasad');
  }

  /** A span under `parent` (the active context by default); only call when `enabled`. */
  start(name: string, kind: SpanKind, parent: Context = context.active(), attributes?: Attributes): Span {
    return this.tracer!.startSpan(name, { kind, attributes }, parent);
  }

  /** Sends what is buffered and stops, within the export timeout. */
  async shutdown(): Promise<void> {
    if (!this.provider) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, EXPORT_TIMEOUT_MS).unref()));
    await Promise.race([this.provider.shutdown().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }
}

/** The context a `traceparent` header names (the root context when it is absent or malformed). */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  const spanContext = traceparent ? parseTraceParent(traceparent) : null;
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}

/** The `traceparent` of a span, or of the active one; null when there is none (tracing off: always). */
export function traceparentOf(span: Span | undefined = trace.getSpan(context.active())): string | null {
  if (!span) {
    return null;
  }
  const spanContext = span.spanContext();
  const { traceId, spanId, traceFlags } = spanContext;
  return trace.isSpanContextValid(spanContext)
    ? `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, '0')}`
    : null;
}

/** Runs `work` with `span` active, so what it sends or records carries it. */
export function withSpan<T>(span: Span, work: () => T): T {
  return context.with(trace.setSpan(context.active(), span), work);
}

/** Ends a span with an error status (message only: a driver's message may quote values, see redaction). */
export function endSpanWithError(span: Span, message: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.end();
}

export { SpanKind };
