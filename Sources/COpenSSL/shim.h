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
