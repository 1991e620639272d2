/** Operations: the access log and the Prometheus metrics an operator reads. */
package kb.ops;
