/** Certificates and key stores for the Hub's mutual TLS (BouncyCastle), and app signing. */
package org.opensmur.signing;
