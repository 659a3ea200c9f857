import { clearScreenDown, cursorTo, type Interface, moveCursor } from "node:readline";
import type { Writable } from "node:stream";

/**
 * Writes the chat around the prompt. Text that arrives while the prompt is shown (a scheduled
 * reminder) goes above it: on a terminal the prompt line is cleared, the text printed and the prompt
 * drawn again with whatever was being typed; on a pipe, the text starts on a line of its own and the
 * prompt is printed again.
 */
export class ConsoleScreen {
  #prompting = false;
  // Piped input may end while its last lines are still being answered; their prompts still print.
  #inputEnded = false;

  constructor(
    private readonly readline: Interface,
    private readonly output: Writable,
    private readonly terminal: boolean,
  ) {
    readline.once("close", () => {
      this.#inputEnded = true;
    });
  }

  prompt(text: string): void {
    this.readline.setPrompt(`${text} `);
    this.#prompting = true;
    this.#showPrompt();
  }

  #showPrompt(): void {
    if (this.#inputEnded) this.output.write(this.readline.getPrompt());
    else this.readline.prompt();
  }

  /**
   * A typed line is being handled, so the prompt is gone until the answer is printed. Off a terminal
   * nothing echoes the line, so it is written after the prompt and the transcript reads like a chat.
   */
  accept(line: string): void {
    if (this.#prompting && !this.terminal) this.output.write(`${line}\n`);
    this.#prompting = false;
  }

  print(text: string): void {
    if (!this.#prompting) {
      this.output.write(`${text}\n`);
    } else if (this.terminal && !this.#inputEnded) {
      // The typed text may wrap over several rows: clear from the prompt's first row down, print, then
      // leave as many blank rows as readline will move up when it redraws the prompt in place.
      const rows = this.readline.getCursorPos().rows;
      moveCursor(this.output, 0, -rows);
      cursorTo(this.output, 0);
      clearScreenDown(this.output);
      this.output.write(`${text}\n${"\n".repeat(rows)}`);
      this.readline.prompt(true);
    } else {
      this.output.write(`\n${text}\n`);
      this.#showPrompt();
    }
  }

  /** The chat ends: what follows starts on a new line, not after the prompt (Ctrl-D, end of input). */
  end(): void {
    if (this.#prompting) this.output.write("\n");
    this.#prompting = false;
  }
}
