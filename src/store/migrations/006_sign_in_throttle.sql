-- Sign-in attempts per account name, from any address and any server process: after too many in
-- a window, the name is refused until the window ends (src/app/accounts/sign-in.ts). The name is
-- stored as its SHA-256: an unknown name is throttled like a real one, and what people typed into
-- the username box (a password, at times) is not kept in clear.
create table sign_in_attempts (
  account text primary key,           -- sha256 of the username as typed
  attempts integer not null,
  since timestamptz not null          -- the start of the window
);
create index sign_in_attempts_since on sign_in_attempts (since);
