/**
 * Starting a web verification ({@code ApplyWebVerificationBizTokenIntl}): the request
 * ({@link io.github.faceid4j.model.start.WebVerificationRequest}) with its
 * {@link io.github.faceid4j.model.start.WebVerificationConfig}, and the answer
 * ({@link io.github.faceid4j.model.start.StartedVerification}).
 *
 * <p>Where the documents enumerate a setting's values the type is a small value class ({@link
 * io.github.faceid4j.model.start.CheckMode}, {@link io.github.faceid4j.model.start.Language}...) with a constant per
 * documented value and an {@code of(...)} that keeps any other wire value as it is given: a value the service adds
 * after this library was released can be passed without waiting for a new release ({@code isKnown()} tells which).
 *
 * <p>The builders check what the documents make explicit before anything is sent, and throw
 * {@link io.github.faceid4j.InvalidRequestException} naming the field. {@code toString()} never shows the compare
 * image, {@code Extra}, a BizToken in full or a URL's query.
 */
package io.github.faceid4j.model.start;
