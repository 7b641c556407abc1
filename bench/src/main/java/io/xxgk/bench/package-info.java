/** End-to-end benchmark of the pipeline; see bench/run.sh. */
package io.xxgk.bench;
