/**
 * What the readers tell a user about files that cannot be read: I/O failures in words, and the
 * checks that keep pipes and devices out. Not exported: no type here is API.
 */
package io.github.ancmdiag.internal.io;
