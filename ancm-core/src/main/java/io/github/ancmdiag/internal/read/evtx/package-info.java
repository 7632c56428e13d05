/**
 * Reads Windows event log files ({@code .evtx}, Event Viewer's binary format) record by record, in
 * constant memory, with the JDK only. Not exported: no type here is API. {@link
 * io.github.ancmdiag.internal.read.evtx.EvtxReader} reads the file (it and the binary XML
 * interpreter import nothing else of the project); {@link
 * io.github.ancmdiag.internal.read.evtx.EvtxRecords} gives each event the record that the event
 * XML reader's rules give the same event exported as XML, which {@code input.LogReader} returns.
 *
 * <p>The format: a 4,096-byte file header ({@code ElfFile\0}), then chunks of 65,536 bytes
 * ({@code ElfChnk\0}), each a 512-byte header (record range, free space offset, CRC32s, the
 * string and template hash tables) and event records ({@code **\0\0}, size, record id, the time
 * written, binary XML, the size again). The binary XML is a token stream whose names and template
 * definitions live in the chunk and are referred to by their offset in it; a record usually holds
 * one template instance: a reference to (or the first copy of) a template definition plus the
 * values it substitutes, some of which are themselves binary XML.
 */
package io.github.ancmdiag.internal.read.evtx;
