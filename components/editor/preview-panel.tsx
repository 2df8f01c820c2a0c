"use client";

import { LivePreview } from "@/components/preview/live-preview";

/** The Preview tab: the project's live preview (components/preview). */
export function PreviewPanel({ projectId, onShowCode }: { projectId: string; onShowCode: () => void }) {
  return <LivePreview projectId={projectId} onShowCode={onShowCode} />;
}
