// Eleventy 3 ships JavaScript with JSDoc, no declarations: the programmatic API as we use it.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    setIsVerbose(verbose: boolean): void;
    readonly logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void };
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
}
