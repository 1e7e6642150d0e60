package org.chengxin.ingest;

/**
 * One line of a raw file as read, before validation: its bytes (without the line terminator, cut
 * one byte past the line limit) and where it came from. A Flink POJO.
 */
public class RawLine {
  /** The raw file, for lineage. */
  public String sourceFile;
  /** 1-based line number in that file. */
  public long lineNumber;
  /** The line's bytes; longer lines keep their first (limit + 1) bytes so validation rejects them. */
  public byte[] bytes;

  public RawLine() {}

  public RawLine(String sourceFile, long lineNumber, byte[] bytes) {
    this.sourceFile = sourceFile;
    this.lineNumber = lineNumber;
    this.bytes = bytes;
  }
}
