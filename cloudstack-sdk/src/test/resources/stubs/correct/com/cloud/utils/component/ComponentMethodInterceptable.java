package com.cloud.utils.component;

/** Test stub: an exact copy of the CloudStack interface. */
public interface ComponentMethodInterceptable {
}
