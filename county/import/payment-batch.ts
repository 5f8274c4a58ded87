/**
 * The checked rows of an import on their way to the database, in batches compact enough to cross from the
 * checking thread to the writing one cheaply: every payment is a row of numbers in a Float64Array (the
 * transfer moves it without copying), every repeated string (program, period, dates, status, card tail,
 * batch) an index into a string table that each batch extends with only its new strings. Residents that the
 * file creates travel as plain arrays and are written before the payments of their batch.
 */
import type { MasterDatabase } from '../master/open-master';
import type { ParsedPayment } from './validate-row';

const INSERT = 0;
const UPDATE = 1;

// Columns of a payment row.
const OP = 0;
const PAYMENT_ID = 1;
const PERSON_ID = 2;
const PROGRAM = 3;
const PERIOD = 4;
const QUANTITY = 5;
const STANDARD = 6;
const AMOUNT = 7;
const PLANNED = 8;
const PAID = 9;
const STATUS = 10;
const CARD = 11;
const BATCH = 12;
const LINE = 13;
const WIDTH = 14;

/** Where a null number or string goes in a row. */
const NONE = -1;

export interface NewPersons {
  ids: number[];
  idNumbers: string[];
  names: string[];
  sexes: string[];
  birthDates: string[];
  villageCodes: (string | null)[];
}

/** A payment's natural key besides the resident: string-table indices of its program, period and batch. */
export interface PaymentKey {
  program: number;
  period: number;
  batch: number;
}

export interface PaymentBatch {
  /** Strings to append to the string table before reading the rows. */
  strings: string[];
  persons: NewPersons;
  rows: Float64Array;
  rowCount: number;
  /** Progress of the reading, for the progress bar. */
  done: number;
  total: number;
}

function noPersons(): NewPersons {
  return { ids: [], idNumbers: [], names: [], sexes: [], birthDates: [], villageCodes: [] };
}

/** Collects checked rows into batches (the checking side). */
export class BatchEncoder {
  private readonly table = new Map<string, number>();
  private strings: string[] = [];
  private persons = noPersons();
  private rows: Float64Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.rows = new Float64Array(capacity * WIDTH);
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** The string's index in the string table (added if new), or the null marker. */
  intern(value: string | null): number {
    if (value === null) return NONE;
    let index = this.table.get(value);
    if (index === undefined) {
      index = this.table.size;
      this.table.set(value, index);
      this.strings.push(value);
    }
    return index;
  }

  addPerson(id: number, p: ParsedPayment): void {
    const { persons } = this;
    persons.ids.push(id);
    persons.idNumbers.push(p.idNumber);
    persons.names.push(p.name);
    persons.sexes.push(p.sex);
    persons.birthDates.push(p.birthDate);
    persons.villageCodes.push(p.villageCode);
  }

  /**
   * A new payment (paymentId null) or new content for the payment with that id; its program, period and
   * batch as interned by the caller.
   */
  addPayment(
    paymentId: number | null,
    personId: number,
    p: ParsedPayment,
    line: number,
    key: PaymentKey,
  ): void {
    const { rows } = this;
    const at = this.count++ * WIDTH;
    rows[at + OP] = paymentId === null ? INSERT : UPDATE;
    rows[at + PAYMENT_ID] = paymentId ?? NONE;
    rows[at + PERSON_ID] = personId;
    rows[at + PROGRAM] = key.program;
    rows[at + PERIOD] = key.period;
    rows[at + QUANTITY] = p.quantityMilli ?? Number.NaN;
    rows[at + STANDARD] = p.standardFen ?? Number.NaN;
    rows[at + AMOUNT] = p.amountFen;
    rows[at + PLANNED] = this.intern(p.plannedDate);
    rows[at + PAID] = this.intern(p.paidDate);
    rows[at + STATUS] = this.intern(p.status);
    rows[at + CARD] = this.intern(p.cardTail);
    rows[at + BATCH] = key.batch;
    rows[at + LINE] = line;
  }

  /** The batch so far; the encoder starts a new one. */
  take(done: number, total: number): PaymentBatch {
    const batch: PaymentBatch = {
      strings: this.strings,
      persons: this.persons,
      rows: this.rows,
      rowCount: this.count,
      done,
      total,
    };
    this.strings = [];
    this.persons = noPersons();
    this.rows = new Float64Array(this.capacity * WIDTH);
    this.count = 0;
    return batch;
  }
}

function numberOrNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Writes batches into the master database (the writing side), inside the caller's transaction. */
export class BatchWriter {
  private readonly table: string[] = [];
  private readonly insertPerson;
  private readonly insertPayment;
  private readonly updatePayment;

  constructor(
    db: MasterDatabase,
    private readonly fileId: number,
  ) {
    this.insertPerson = db.prepare(
      'INSERT INTO persons (id, id_number, name, sex, birth_date, village_code) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertPayment = db.prepare(
      `INSERT INTO payments (person_id, program_code, period, quantity_milli, standard_fen, amount_fen,
         planned_date, paid_date, status, card_tail, batch, source_file_id, source_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updatePayment = db.prepare(
      `UPDATE payments SET quantity_milli = ?, standard_fen = ?, amount_fen = ?, planned_date = ?,
         paid_date = ?, status = ?, card_tail = ?, source_file_id = ?, source_line = ? WHERE id = ?`,
    );
  }

  private text(index: number | undefined): string | null {
    return index === undefined || index === NONE ? null : (this.table[index] ?? null);
  }

  write(batch: PaymentBatch): void {
    const { table, fileId } = this;
    for (const s of batch.strings) table.push(s);
    const { persons } = batch;
    for (let i = 0; i < persons.ids.length; i++) {
      this.insertPerson.run(
        persons.ids[i],
        persons.idNumbers[i],
        persons.names[i],
        persons.sexes[i],
        persons.birthDates[i],
        persons.villageCodes[i],
      );
    }
    const { rows } = batch;
    for (let at = 0; at < batch.rowCount * WIDTH; at += WIDTH) {
      const quantity = numberOrNull(rows[at + QUANTITY] ?? Number.NaN);
      const standard = numberOrNull(rows[at + STANDARD] ?? Number.NaN);
      if (rows[at + OP] === INSERT) {
        this.insertPayment.run(
          rows[at + PERSON_ID],
          this.text(rows[at + PROGRAM]),
          this.text(rows[at + PERIOD]),
          quantity,
          standard,
          rows[at + AMOUNT],
          this.text(rows[at + PLANNED]),
          this.text(rows[at + PAID]),
          this.text(rows[at + STATUS]),
          this.text(rows[at + CARD]),
          this.text(rows[at + BATCH]),
          fileId,
          rows[at + LINE],
        );
      } else {
        this.updatePayment.run(
          quantity,
          standard,
          rows[at + AMOUNT],
          this.text(rows[at + PLANNED]),
          this.text(rows[at + PAID]),
          this.text(rows[at + STATUS]),
          this.text(rows[at + CARD]),
          fileId,
          rows[at + LINE],
          rows[at + PAYMENT_ID],
        );
      }
    }
  }
}
