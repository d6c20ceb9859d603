// The system OpenSSL (libssl, libcrypto; Debian: libssl-dev, Homebrew: openssl) for Runbook's
// HTTPS transport. The functions below stand in for macros, which Swift cannot call.
#ifndef RUNBOOK_COPENSSL_SHIM_H
#define RUNBOOK_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/// `SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)`: TLS 1.2 or newer only.
static inline int runbook_SSL_CTX_require_tls12(SSL_CTX *ctx) {
    return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

/// `SSL_CTX_set_min_proto_version(ctx, version)`: `TLS1_2_VERSION` or `TLS1_3_VERSION`.
static inline int runbook_SSL_CTX_set_min_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

/// `SSL_CTX_set_max_proto_version(ctx, version)` (tests: a server that speaks only TLS 1.2).
static inline int runbook_SSL_CTX_set_max_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

/// The SHA-256 of the DER SubjectPublicKeyInfo of certificate `index` of the connection's
/// verified chain (0: the server's own), into `out` (32 bytes): 1 when written, 0 when the chain
/// has no such certificate, -1 on failure.
static inline int runbook_SSL_chain_spki_sha256(const SSL *ssl, int index, unsigned char *out) {
    STACK_OF(X509) *chain = SSL_get0_verified_chain(ssl);
    if (chain == NULL || index >= sk_X509_num(chain)) return 0;
    X509 *certificate = sk_X509_value(chain, index);
    EVP_PKEY *key = certificate == NULL ? NULL : X509_get0_pubkey(certificate);
    if (key == NULL) return -1;
    unsigned char *der = NULL;
    int length = i2d_PUBKEY(key, &der);
    if (length <= 0) return -1;
    unsigned int written = 0;
    int ok = EVP_Digest(der, (size_t)length, out, &written, EVP_sha256(), NULL);
    OPENSSL_free(der);
    return ok == 1 && written == 32 ? 1 : -1;
}

/// `SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER)`: a retried `SSL_write` may pass
/// another pointer to the same bytes.
static inline void runbook_SSL_CTX_accept_moving_write_buffer(SSL_CTX *ctx) {
    SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

/// `SSL_OP_IGNORE_UNEXPECTED_EOF`: a peer closing without close_notify ends the stream like a
/// close_notify does (HTTP framing still detects a truncated body).
static inline void runbook_SSL_CTX_ignore_unexpected_eof(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
}

/// `SSL_set_tlsext_host_name(ssl, name)`: the SNI host name.
static inline int runbook_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/// `BIO_set_retry_read(bio)`.
static inline void runbook_BIO_set_retry_read(BIO *bio) {
    BIO_set_retry_read(bio);
}

/// `BIO_set_retry_write(bio)`.
static inline void runbook_BIO_set_retry_write(BIO *bio) {
    BIO_set_retry_write(bio);
}

/// `BIO_clear_retry_flags(bio)`.
static inline void runbook_BIO_clear_retry_flags(BIO *bio) {
    BIO_clear_retry_flags(bio);
}

#endif
