/** Report file names, key sanitising and the rejected and late outputs. */
package io.streamprofiler.sink;
