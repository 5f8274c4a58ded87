/**
 * Structured logs that never carry personal data. A complaint's body holds the complainant's name, phone and
 * ID number, and a token is a terminal's secret, so no body, header, query string or error message is logged:
 * one line per answered request with the terminal, the route pattern, the status and the duration.
 */
import { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';

export interface CountyLoggerOptions {
  level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the JSON lines go (default: standard output). */
  stream?: { write(line: string): void };
}

/** The code locations of an error's stack, without the message line (a message can quote data). */
export function stackFrames(error: Error): string[] {
  return (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
}

export function privateSafeLogging(options: CountyLoggerOptions | false): {
  fastifyOptions: Pick<FastifyServerOptions, 'logger' | 'logController'>;
  install(app: FastifyInstance): void;
} {
  if (options === false) return { fastifyOptions: { logger: false }, install: () => {} };
  return {
    fastifyOptions: {
      // Fastify's own per-request lines carry the URL; the onResponse line below replaces them.
      logController: new LogController({ disableRequestLogging: true }),
      logger: {
        level: options.level ?? 'info',
        ...(options.stream ? { stream: options.stream } : {}),
        // Replace Fastify's defaults, which log the URL with its query string and the error message.
        serializers: {
          req: (request) => ({ method: request.method, route: request.routeOptions.url ?? '(no route)' }),
          res: (reply) => ({ statusCode: reply.statusCode }),
          err: (error: FastifyError) => ({
            type: error.name,
            message: '(not logged)',
            stack: stackFrames(error).join('\n'),
            code: error.code,
          }),
        },
      },
    },
    install(app) {
      app.addHook('onResponse', async (request, reply) => {
        request.log.info(
          {
            terminal: request.terminalAuth?.terminalId,
            method: request.method,
            route: request.routeOptions.url ?? '(no route)',
            status: reply.statusCode,
            ms: Math.round(reply.elapsedTime * 10) / 10,
          },
          'answered',
        );
      });
    },
  };
}
