/**
 * `huimin-county terminals add|list|revoke|rotate`: the county's terminals and their bearer tokens. A token is
 * printed once, when made; the database keeps only its SHA-256.
 */
import {
  DB_OPTION,
  DB_USAGE,
  EXIT,
  UsageError,
  dbPath,
  report,
  requiredOption,
  stringOption,
  type CommandContext,
  type CountyCommand,
} from '../cli/command';
import { openMaster, type MasterDatabase } from '../master/open-master';
import {
  TerminalRegistryError,
  addTerminal,
  listTerminals,
  revokeTerminal,
  rotateTerminalToken,
  type TerminalRow,
} from '../server/terminal-registry';

const USAGE = `Usage: huimin-county terminals <add|list|revoke|rotate> [options]

Manages the terminals allowed to read published data, and to send heartbeats and complaints to
'huimin-county serve'. Publish gives the data key to the terminals registered and not revoked at that
moment: a terminal added now reads data from the next publish on; after a revoke or a token rotation, the
next publish changes the data key, and the revoked terminal (or the old token) can read no newer version.

  terminals add --id ID --site NAME [--region CODE]   register a terminal; prints its token ONCE
  terminals list                                      every terminal: site, region, last heartbeat,
                                                      data version, revoked
  terminals revoke --id ID                            refuse the terminal from now on (e.g. stolen)
  terminals rotate --id ID                            give the terminal a new token; the old one stops working

Put the token into the terminal's configuration at once: the county keeps only its SHA-256 and cannot show
it again (rotate makes a new one).

Options:
${DB_USAGE}
  --id ID         the terminal's id: letters, digits, '.', '-' or '_' (e.g. LX-CG-01); never a person's name
  --site NAME     where it stands, e.g. 城关镇便民服务中心
  --region CODE   the township or village code of the site (must be in the master database)
  --json          print the result as JSON
  --help          show this help`;

const SUBCOMMANDS = ['add', 'list', 'revoke', 'rotate'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

function describeTerminal(t: TerminalRow): string {
  const heard = t.lastHeartbeatAt ? `last heartbeat ${t.lastHeartbeatAt}` : 'no heartbeat yet';
  const version = t.dataVersion === null ? 'no data' : `data version ${t.dataVersion}`;
  const revoked = t.revokedAt ? `, REVOKED ${t.revokedAt}` : '';
  return `${t.id}  ${t.siteName}${t.regionCode ? ` (${t.regionCode})` : ''} — ${heard}, ${version}${revoked}`;
}

function run(context: CommandContext, sub: Subcommand, db: MasterDatabase): number {
  const { values } = context;
  switch (sub) {
    case 'add': {
      const site = requiredOption(values, 'site').trim();
      if (site === '') throw new UsageError('--site is required');
      const region = stringOption(values, 'region');
      const { terminal, token } = addTerminal(
        db,
        { id: requiredOption(values, 'id'), siteName: site, ...(region ? { regionCode: region } : {}) },
        new Date(),
      );
      report(
        context,
        [
          `terminal ${terminal.id} added for ${terminal.siteName}.`,
          `It can read published data from the next 'huimin-county publish' on.`,
          `Its token (shown only now; put it into the terminal's configuration):`,
          token,
        ].join('\n'),
        { terminal, token },
      );
      return EXIT.ok;
    }
    case 'list': {
      const terminals = listTerminals(db);
      const human = terminals.length === 0 ? 'no terminals yet' : terminals.map(describeTerminal).join('\n');
      report(context, human, { terminals });
      return EXIT.ok;
    }
    case 'revoke': {
      const terminal = revokeTerminal(db, requiredOption(values, 'id'), new Date());
      report(
        context,
        `terminal ${terminal.id} is revoked since ${terminal.revokedAt}; ` +
          `the next publish changes the data key and leaves it out`,
        { terminal },
      );
      return EXIT.ok;
    }
    case 'rotate': {
      const { terminal, token } = rotateTerminalToken(db, requiredOption(values, 'id'));
      report(
        context,
        [`terminal ${terminal.id} has a new token; the old one no longer works.`, token].join('\n'),
        { terminal, token },
      );
      return EXIT.ok;
    }
  }
}

export const terminalsCommand: CountyCommand = {
  name: 'terminals',
  summary: 'add, list, revoke terminals and rotate their tokens',
  usage: USAGE,
  options: {
    ...DB_OPTION,
    id: { type: 'string' },
    site: { type: 'string' },
    region: { type: 'string' },
  },
  allowPositionals: true,
  async run(context) {
    const [sub, ...extra] = context.positionals;
    if (!SUBCOMMANDS.includes(sub as Subcommand)) {
      throw new UsageError(
        sub === undefined ? 'say what to do: add, list, revoke or rotate' : `unknown: ${sub}`,
      );
    }
    if (extra.length > 0) throw new UsageError(`unexpected: ${extra.join(' ')}`);
    const db = openMaster(dbPath(context.values));
    try {
      return run(context, sub as Subcommand, db);
    } catch (error) {
      if (!(error instanceof TerminalRegistryError)) throw error;
      context.output.err(`huimin-county terminals ${sub}: ${error.message}`);
      return EXIT.refused;
    } finally {
      db.close();
    }
  },
};
