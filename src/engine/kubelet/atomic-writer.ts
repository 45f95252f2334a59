/**
 * LazyContent is a file whose bytes are worked out the first time something reads them, then
 * kept: a service account token is signed for every pod but read in few of them.
 */
export class LazyContent {
  private value: string | undefined;

  constructor(private make: (() => string) | undefined) {}

  read(): string {
    if (this.value === undefined) {
      this.value = this.make!();
      // What made it (the token's claims) is no longer needed.
      this.make = undefined;
    }
    return this.value;
  }
}

/** A Payload is a volume's files by path: their text, or how to produce it when read. */
export type Payload = ReadonlyMap<string, string | LazyContent>;

const DATA_DIR = '..data';

const contentOf = (content: string | LazyContent) =>
  typeof content === 'string' ? content : content.read();

/**
 * AtomicWriterFiles is a volume as the kubelet's AtomicWriter leaves it (atomic_writer.go): the
 * payload in a timestamped directory, `..data` naming it, and each top-level name pointing into
 * `..data`. Every path reads the same payload entry, so each file is kept once; the directory is
 * named when first listed.
 */
export class AtomicWriterFiles implements ReadonlyMap<string, string> {
  private payload: Payload = new Map();
  private directory = '';
  private nameDirectory: (() => string) | undefined;

  /**
   * write swaps in a new payload directory when the content changed (AtomicWriter.Write), and
   * tells whether it did. Lazy files compare by identity: the same token object is the same token.
   */
  write(next: Payload, nameDirectory: () => string): boolean {
    const unchanged =
      next.size === this.payload.size &&
      [...next].every(([path, content]) => this.payload.get(path) === content);
    if (unchanged) return false;
    this.payload = next;
    this.directory = '';
    this.nameDirectory = nameDirectory;
    return true;
  }

  /** dataDirectory is the timestamped directory `..data` names. */
  private dataDirectory(): string {
    if (this.nameDirectory) {
      this.directory = this.nameDirectory();
      this.nameDirectory = undefined;
    }
    return this.directory;
  }

  /** payloadPath is the payload file a path in the volume reaches, through `..data` or its directory. */
  private payloadPath(key: string): string | undefined {
    if (!key.startsWith('..')) return key;
    if (key.startsWith(`${DATA_DIR}/`)) return key.slice(DATA_DIR.length + 1);
    const directory = this.dataDirectory();
    return key.startsWith(`${directory}/`) ? key.slice(directory.length + 1) : undefined;
  }

  get size(): number {
    return this.payload.size * 3;
  }

  get(key: string): string | undefined {
    const path = this.payloadPath(key);
    const content = path === undefined ? undefined : this.payload.get(path);
    return content === undefined ? undefined : contentOf(content);
  }

  has(key: string): boolean {
    const path = this.payloadPath(key);
    return path !== undefined && this.payload.has(path);
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.layout()) yield key;
  }

  *values(): MapIterator<string> {
    for (const [, content] of this.layout()) yield contentOf(content);
  }

  *entries(): MapIterator<[string, string]> {
    for (const [key, content] of this.layout()) yield [key, contentOf(content)];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /** layout lists each file under its three names, in the order the writer makes them. */
  private *layout(): Generator<[string, string | LazyContent]> {
    if (this.payload.size === 0) return;
    const directory = this.dataDirectory();
    for (const [path, content] of this.payload) {
      yield [`${directory}/${path}`, content];
      yield [`${DATA_DIR}/${path}`, content];
      yield [path, content];
    }
  }
}
