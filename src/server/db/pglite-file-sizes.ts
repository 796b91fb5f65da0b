import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite's data directory on disk, with the size of each open file kept in memory.
 *
 * PostgreSQL asks for a relation's size (lseek to the end) every time a scan starts, and again
 * each time a scan is rescanned, for instance a sub-select run once per row. Emscripten's NODEFS
 * answers every such seek with an `fstat` system call, which was 13–15 % of the database
 * thread's time under load. PGlite is the only process that writes its data directory (it is
 * locked, see db/lock.ts), and every write, truncation and creation passes through NODEFS in this
 * thread, so the size can be kept here: learnt by the first seek to the end, grown by writes past
 * it, forgotten when the file is truncated, reopened with O_TRUNC or replaced.
 */

type Node = { mode: number };
type Stream = { node: Node; flags: number };
type Attr = { size?: number };
type StreamOps = {
  llseek: (stream: Stream, offset: number, whence: number) => number;
  write: (stream: Stream, buffer: unknown, offset: number, length: number, position?: number | null) => number;
  setattr?: (stream: Stream, attr: Attr) => void;
  open: (stream: Stream) => void;
};
type NodeOps = { setattr: (node: Node, attr: Attr) => void };
type Emscripten = { NODEFS: { stream_ops: StreamOps; node_ops: NodeOps }; FS: { isFile: (mode: number) => boolean } };

const SEEK_END = 2;
const O_TRUNC = 512;

/** Wraps NODEFS's operations so that a seek to the end reads the kept size. Exported for tests. */
export function keepFileSizes(mod: Emscripten): void {
  const { stream_ops: ops, node_ops: nodeOps } = mod.NODEFS;
  const sizes = new WeakMap<Node, number>();
  const { llseek, write, setattr, open } = ops;
  const nodeSetattr = nodeOps.setattr;

  ops.llseek = function (stream, offset, whence) {
    if (whence !== SEEK_END || !mod.FS.isFile(stream.node.mode)) return llseek.call(this, stream, offset, whence);
    let size = sizes.get(stream.node);
    if (size === undefined) {
      size = llseek.call(this, stream, 0, SEEK_END);
      sizes.set(stream.node, size);
    }
    // the checks on the resulting position are the original's
    return offset === 0 ? size : llseek.call(this, stream, offset, SEEK_END);
  };
  ops.write = function (stream, buffer, offset, length, position) {
    const written = write.call(this, stream, buffer, offset, length, position);
    const size = sizes.get(stream.node);
    if (typeof position !== 'number') sizes.delete(stream.node);
    else if (size !== undefined && position + written > size) sizes.set(stream.node, position + written);
    return written;
  };
  ops.open = function (stream) {
    if (stream.flags & O_TRUNC) sizes.delete(stream.node);
    return open.call(this, stream);
  };
  if (setattr) {
    ops.setattr = function (stream, attr) {
      try {
        return setattr.call(this, stream, attr);
      } finally {
        sizes.delete(stream.node);
      }
    };
  }
  nodeOps.setattr = function (node, attr) {
    try {
      return nodeSetattr.call(this, node, attr);
    } finally {
      sizes.delete(node);
    }
  };
}

/** NodeFS whose NODEFS keeps file sizes (see above); used for every PGlite with a data directory. */
export class SizeKeepingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [...(Array.isArray(preRun) ? preRun : [preRun]), (mod: unknown) => keepFileSizes(mod as Emscripten)];
    return result;
  }
}
