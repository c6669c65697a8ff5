// Package pipeline is the allystream streaming pipeline: it decodes input posts, labels them
// with the classifiers, and moves them from a Source to a Sink with at-least-once delivery.
//
// The pieces, one per file: Decoder and JSONDecoder (post.go) turn a message value into a
// Post; Labeler (record.go) turns a Post into a Record, the output shape shared with the
// offline commands; Source and Sink (source.go) are the transport contracts, implemented for
// Kafka by KafkaSource and KafkaSink and for JSONL files by FileSource and FileSink; Worker
// (worker.go, batch.go, process.go) is the loop; Config (config.go) holds every setting with
// its default; Metrics and Health expose what the worker does.
//
// # Delivery semantics
//
// At least once. The Worker fetches a batch (at most Config.BatchSize messages, waiting at
// most Config.BatchWait after the first), labels it in parallel, publishes every labeled
// record and dead letter, and waits until the Sink reports them all acknowledged (Kafka:
// acks from all in-sync replicas). Only then does it commit the batch's offsets. Batches are
// published and committed one at a time (the next batch is fetched and labeled meanwhile), so
// offsets are committed in order per partition and a commit never covers an unacknowledged
// output. A worker killed at any moment loses nothing: the uncommitted batches are delivered
// again, and since at most one of them had been published, duplicates are bounded by one
// batch per crash.
// Consumers of the output should treat the record's id (the message key) as idempotency key.
//
// A worker that crashed holds its partitions until the group session times out;
// Config.SessionTimeout defaults to 6s (kafka-go's default is 30s), so a restarted or
// surviving worker resumes within a few seconds more than that.
//
// On cancellation (SIGTERM, SIGINT) the worker stops fetching, publishes and commits the
// batches in flight (at most two), and returns nil; if that cannot finish within
// Config.GracePeriod, Run returns an error wrapping ErrGracePeriodExpired and they are left
// uncommitted.
//
// # Errors
//
// Bad input is never retried and never stalls a partition: every message the Decoder
// rejects (broken or non-object JSON, an empty value, missing or non-string id or text,
// invalid UTF-8, text over Limits.MaxTextBytes, a message over Limits.MaxMessageBytes) and
// every labeled record too large to publish goes to the dead-letter topic. A dead letter's
// value is the original bytes, truncated to fit Config.MaxRecordBytes, and its headers name
// the reason (dlq-reason, one of Reasons()), the detail (dlq-detail), the source position
// (dlq-source-topic, dlq-source-partition, dlq-source-offset), the original size
// (dlq-original-bytes) and whether the value was cut (dlq-truncated). Each is logged once at
// warn level with its offsets and counted by reason.
//
// An output the brokers refuse for its size (MESSAGE_TOO_LARGE, e.g. message.max.bytes below
// Config.MaxRecordBytes) is a permanent error, not a transport one: the worker writes each
// refused output alone (a small record may be refused only for sharing a request with a
// large one), and one still refused becomes a dead letter with reason record_too_large; a
// refused dead letter is sent again without its value (dlq-truncated: true).
//
// Transport errors are retried with exponential backoff (Config.RetryBackoffMin to
// Config.RetryBackoffMax) without limit: a failed publish is retried before anything later is
// fetched, and a failed commit is retried before the next batch, so an outage of the brokers
// pauses the worker, turns Health not ready, and the worker resumes by itself when the
// brokers return. Errors from Run are limited to shutdown (see above).
//
// # Memory and garbage collection
//
// A labeling worker's live heap is mostly the classifier's fixed data (about 40 MiB of
// lexicon indexes and tagger model) plus the two batches in flight; nearly everything else it
// allocates is garbage within one post. GCPolicy is the garbage-collector setting `allystream
// run` applies for such a long-running process (allystream-bench's worker applies the same):
// a GC percent of 400 (--gc-percent, ALLYSTREAM_GC_PERCENT) bounded by a soft memory limit of
// 160 MiB (--memory-limit, ALLYSTREAM_MEMORY_LIMIT). The collector then runs when the heap
// nears the limit rather than each time it doubles: in allystream-bench its share of the
// worker's CPU falls from about 10% to about 6%, and the worker's peak resident memory is
// about 165 MiB while a backlog of a million posts drains (about 145 MiB at Go's default). GOGC and
// GOMEMLIMIT, when set, win over the flags. A deployment that gives the worker more memory
// (the Kubernetes manifest allows 512Mi) can raise --memory-limit, to about three quarters of
// the container's limit, for fewer collections still; with large messages or batches the live
// heap grows, and a limit too close to it makes the collector run often (it is soft: the
// runtime caps the collector's share of CPU and lets the heap pass the limit rather than
// stall).
//
// Encoded records are carved out of 64 KiB buffers that the worker recycles once the Sink
// has acknowledged the batch (a Sink keeps no reference to an output after Write returns),
// and the post passed through as a record's "post" is not validated a second time: the
// decoder's proof that it is valid JSON travels with the Post and the Record.
//
// # Metrics
//
// NewMetrics registers on a caller-owned registry:
//
//	allystream_records_in_total                    input messages fetched
//	allystream_records_out_total                   labeled records acknowledged
//	allystream_dead_letters_total{reason}          dead letters acknowledged, by reason
//	allystream_labels_total{label,role}            style labels assigned, by speaker role
//	allystream_speaker_roles_total{role}           labeled records by speaker role
//	allystream_classify_seconds                    decode+classify time per post (histogram)
//	allystream_end_to_end_seconds                  input timestamp to output ack (histogram)
//	allystream_batch_size                          messages per batch (histogram)
//	allystream_consumer_lag{topic,partition}       messages behind the high watermark
//	allystream_commit_errors_total                 failed commit attempts
//	allystream_produce_errors_total                failed publish attempts
//	allystream_fetch_errors_total                  failed fetch attempts
//	allystream_last_commit_timestamp_seconds       time of the last successful commit
//	allystream_build_info{version,classifier_version,goversion}  always 1
//
// Health backs /healthz (the process is alive) and /readyz (the brokers answer and no
// publish or commit is failing; the brokers are probed every 3s).
package pipeline
