/**
 * MosaicML Streaming's {@code StreamingDataset} epoch order: its shuffle algorithms
 * ({@code py1e}, {@code py1s}, {@code py1br}, {@code py2s}, {@code naive}), its
 * partitions ({@code orig}, {@code relaxed}) and the arguments and release that select
 * them, with the errors Streaming would raise. Plain Java.
 */
package dev.seedbank.sampling.streaming;
