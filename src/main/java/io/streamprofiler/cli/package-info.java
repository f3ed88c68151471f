/** The command line: options, exit codes, the compare sub-command and the run summary. */
package io.streamprofiler.cli;
