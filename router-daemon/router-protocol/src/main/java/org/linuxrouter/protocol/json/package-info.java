/**
 * The JSON wire form of the contract: {@link org.linuxrouter.protocol.json.JsonCodec} turns model values
 * into compact JSON and back. Decoding is strict: the body must be one RFC 8259 object; unknown fields,
 * duplicate keys, wrong types, fractional or out-of-range numbers and explicit nulls are rejected with
 * a {@link org.linuxrouter.protocol.model.ValidationException} whose field is the JSON path (e.g.
 * {@code nics[0].mac}), which the daemon answers with 400.
 *
 * <p>Built on Gson's streaming API (CloudStack ships Gson 2.10.1), mapped by hand so that no JSON
 * annotation or reflection reaches the model. Nothing outside this package imports Gson.
 */
package org.linuxrouter.protocol.json;
