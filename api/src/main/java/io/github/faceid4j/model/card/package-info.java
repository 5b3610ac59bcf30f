/**
 * What OCR read from identity documents: one record per card type the service supports, grouped by
 * {@link io.github.faceid4j.model.card.CardInfo} and {@link io.github.faceid4j.model.card.NormalCardInfo}.
 * Field names follow the service's JSON names; every value is the service's text and may be {@code null}.
 * These records hold personal data: their {@code toString()} masks every value.
 */
package io.github.faceid4j.model.card;
