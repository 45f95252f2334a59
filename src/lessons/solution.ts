/** SolutionCommand is one kubectl invocation of a lesson solution, with its heredoc as stdin. */
export interface SolutionCommand {
  line: string;
  stdin?: string;
}

/**
 * parseSolutionLine splits "kubectl apply -f - <<EOF\n<body>\nEOF" into the command line and the
 * heredoc body (stdin). A line without a heredoc is returned as it is.
 */
export function parseSolutionLine(entry: string): SolutionCommand {
  const match = /^(.*?)\s*<<-?\s*'?"?(\w+)'?"?\s*\n([\s\S]*?)\n\2\s*$/.exec(entry);
  if (!match) return { line: entry.trim() };
  return { line: match[1]!.trim(), stdin: `${match[3]}\n` };
}
