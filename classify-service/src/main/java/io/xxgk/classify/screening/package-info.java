/**
 * Personal-data screening for disclosed content: {@link io.xxgk.classify.screening.PersonalDataScreener} finds
 * resident ID numbers, mobile numbers, bank card numbers and personal e-mail addresses in Chinese text and masks them
 * (see its documentation for the exact rules). Pure Java, no framework dependencies.
 */
package io.xxgk.classify.screening;
