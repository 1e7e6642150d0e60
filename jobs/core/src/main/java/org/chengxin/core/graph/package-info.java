/** Engine-neutral pieces shared by the graph kernels of the detectors and the ring detector. */
package org.chengxin.core.graph;
