-- RFC 6238 5.2: a code that logged in once is never accepted again. The time step of the last
-- accepted code is kept per account; a login needs a later one.
ALTER TABLE users ADD COLUMN totp_last_step bigint;
