package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.validation.EventValidator;
import org.junit.jupiter.api.Test;

class RowCodecTest {

  /** Records what a Parquet writer is told, one "field=value" per column written. */
  private static final class Recorder extends RecordConsumer {
    final List<String> written = new ArrayList<>();
    private String field;

    @Override public void startMessage() {}
    @Override public void endMessage() {}
    @Override public void startField(String name, int index) { field = name; }
    @Override public void endField(String name, int index) {}
    @Override public void startGroup() {}
    @Override public void endGroup() {}
    @Override public void addInteger(int value) { written.add(field + "=" + value); }
    @Override public void addLong(long value) { written.add(field + "=" + value); }
    @Override public void addBoolean(boolean value) { written.add(field + "=" + value); }
    @Override public void addBinary(Binary value) { written.add(field + "=" + value.toStringUsingUTF8()); }
    @Override public void addFloat(float value) { written.add(field + "=" + value); }
    @Override public void addDouble(double value) { written.add(field + "=" + value); }
  }

  private static ValidEvent event(RowCodec codec, Object[] values) {
    ValidEvent event = new ValidEvent();
    event.kind = EventKind.RATING;
    event.sourceFile = "file:/in/ratings.jsonl";
    event.sourceLine = 7;
    event.tradeKnown = true;
    event.row = codec.encode(values);
    return event;
  }

  @Test
  void writesEveryColumnFromThePackedRowAndTheEventLeavingNullsOut() {
    TableSchema table = EventValidator.tableOf(EventKind.RATING);
    RowCodec codec = new RowCodec(table);
    Object[] values = new Object[table.columns().size()];
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      String name = table.columns().get(i).name();
      switch (name) {
        case "source_file" -> expected.add(name + "=file:/in/ratings.jsonl");
        case "source_line" -> expected.add(name + "=7");
        case "trade_known" -> expected.add(name + "=true");
        default -> {
          if (i % 3 == 2 && table.columns().get(i).nullable()) {
            continue; // left null
          }
          values[i] = switch (table.columns().get(i).type()) {
            // beyond Latin-1 and the BMP; one long enough for a two-byte length
            case STRING -> (i == 1 ? "x".repeat(300) : "v\u00e9\u4e2d\ud83d\ude00") + i;
            case INT, DATE -> i;
            case LONG, TIMESTAMP -> 1_700_000_000_000L + i;
            case DOUBLE -> i + 0.5;
            case BOOLEAN -> i % 2 == 0;
            case STRING_ARRAY -> throw new IllegalStateException();
          };
          expected.add(name + "=" + values[i]);
        }
      }
    }
    Recorder recorder = new Recorder();
    codec.write(event(codec, values), recorder);
    assertEquals(expected, recorder.written);
    // Decoding gives the values back, with the columns taken from the event left null.
    assertArrayEquals(values, codec.decode(event(codec, values).row));
  }

  @Test
  void aNullInARequiredColumnFailsInsteadOfWritingABrokenFile() {
    TableSchema table = EventValidator.tableOf(EventKind.RATING);
    RowCodec codec = new RowCodec(table);
    assertEquals(false, table.columns().get(0).nullable(), table.columns().get(0).name());
    ValidEvent event = event(codec, new Object[table.columns().size()]);
    assertThrows(IllegalStateException.class, () -> codec.write(event, new Recorder()));
  }

  @Test
  void aRowPackedInAnotherFormatFailsLoudly() {
    RowCodec codec = new RowCodec(EventValidator.tableOf(EventKind.RATING));
    ValidEvent event = event(codec, new Object[EventValidator.tableOf(EventKind.RATING).columns().size()]);
    event.row[0] = 1; // an earlier row began with a column's null flag
    assertThrows(IllegalStateException.class, () -> codec.write(event, new Recorder()));
  }
}
