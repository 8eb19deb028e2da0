import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GenerateOptions } from './runtime';
import { decodingOptionsFrom, missingModelFolder, modelFilesFrom, readGenerationDefaults, readModelJson, refusedModelFile, unreadableModelFile, type DecodingOverrides, type GenerationDefaults, type ModelFileSource, type ModelFiles } from './modelFormat';

// The format is read by the Node-free modelFormat.ts; this module reads a model folder from the disk.
export { MODEL_FILE_LIMITS, ModelError, readModelConfig, type GenerationDefaults, type ModelConfig, type ModelFiles } from './modelFormat';

/**
 * A model file's bytes, read within bounds as users' glossary files are (userFiles.ts): a regular file only,
 * never a device or a pipe (a `model.onnx` linked to /dev/zero grew the memory by 100 MB a second without end),
 * no larger than `maxBytes`, and no more than was measured even if the file grows meanwhile. `undefined` when
 * the file does not exist.
 */
export function readModelFile(file: string, maxBytes: number): Buffer | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw unreadableModelFile(file, code ?? (error as Error).message);
  }
  const refused = refusedModelFile(file, { isFile: stat.isFile(), size: stat.size }, maxBytes);
  if (refused) throw refused;
  // Non-blocking: a file swapped for a pipe since it was measured must not hold the thread until a writer comes.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const size = Math.min(fs.fstatSync(fd).isFile() ? stat.size : 0, maxBytes);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const bytes = fs.readSync(fd, buffer, read, size - read, read);
      if (bytes === 0) break;
      read += bytes;
    }
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}


/** A model folder on the disk. */
function folderSource(dir: string): ModelFileSource {
  return { dir, path: (name) => path.join(dir, name), read: (name, maxBytes) => readModelFile(path.join(dir, name), maxBytes) };
}

/** The sampling defaults of a model folder; none when it has no generation_config.json. */
export function loadGenerationDefaults(dir: string): GenerationDefaults {
  return readGenerationDefaults(readModelJson(folderSource(dir), 'generation_config.json', false));
}

/** Decoding options from a model folder's generation_config.json (see decodingOptionsFrom). */
export function decodingOptions(dir: string, overrides: DecodingOverrides = {}): GenerateOptions {
  return decodingOptionsFrom(loadGenerationDefaults(dir), overrides);
}

/** Reads and checks every file of a model folder; any problem is a ModelError naming the file. */
export function loadModelFiles(dir: string): ModelFiles {
  if (!fs.existsSync(dir)) throw missingModelFolder(dir);
  return modelFilesFrom(folderSource(dir));
}
