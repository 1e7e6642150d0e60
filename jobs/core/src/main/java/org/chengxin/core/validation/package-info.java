/**
 * Engine-neutral validation of raw event lines: {@link org.chengxin.core.validation.EventValidator}
 * turns one JSON line into the accepted row of its table or a rejection with a
 * {@link org.chengxin.core.validation.RejectReason}; {@link org.chengxin.core.validation.Redactor}
 * keeps personal values out of everything stored about a rejected line.
 */
package org.chengxin.core.validation;
