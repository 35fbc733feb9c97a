// pgpass ships no types: it looks a login up in ~/.pgpass (or $PGPASSFILE) and calls back with the password, if any.
declare module 'pgpass' {
  function pgpass(conn: { host?: string; port?: number | string; database?: string; user?: string }, cb: (password?: string) => void): void;
  export default pgpass;
}
