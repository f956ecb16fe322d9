/**
 * The pipeline: composes translate and summarize into the per-article step, resumable batch runs, digests and
 * schedules, and builds decorated backends from specs. A library: it neither prints nor reads the environment; the
 * front ends (CLI, server, cluster job) map their options onto it.
 */
package dev.dragoman.pipeline;
