import {
  BracesIcon,
  FileCodeIcon,
  FileTextIcon,
  FileTypeIcon,
  FileIcon as GenericFileIcon,
  GlobeIcon,
  ImageIcon,
  PaletteIcon,
} from "lucide-react";
import { extensionOf, IMAGE_EXTENSIONS } from "@/components/editor/file-tree-model";
import { cn } from "@/lib/utils";

/** An icon (and a hint of colour) by file type, so the tree scans at a glance. */
export function FileIcon({ path, className }: { path: string; className?: string }) {
  const ext = extensionOf(path);
  const props = { className: cn("size-4 shrink-0", className), "aria-hidden": true };
  if (["tsx", "jsx"].includes(ext))
    return <FileCodeIcon {...props} className={cn(props.className, "text-sky-600 dark:text-sky-400")} />;
  if (["ts", "js", "mjs", "cjs", "mts"].includes(ext))
    return <FileCodeIcon {...props} className={cn(props.className, "text-blue-600 dark:text-blue-400")} />;
  if (ext === "css")
    return <PaletteIcon {...props} className={cn(props.className, "text-pink-600 dark:text-pink-400")} />;
  if (ext === "html")
    return <GlobeIcon {...props} className={cn(props.className, "text-orange-600 dark:text-orange-400")} />;
  if (ext === "json")
    return <BracesIcon {...props} className={cn(props.className, "text-amber-600 dark:text-amber-400")} />;
  if (ext === "md" || ext === "mdx")
    return <FileTextIcon {...props} className={cn(props.className, "text-muted-foreground")} />;
  if (IMAGE_EXTENSIONS.has(ext))
    return <ImageIcon {...props} className={cn(props.className, "text-emerald-600 dark:text-emerald-400")} />;
  if (["woff", "woff2", "ttf", "otf"].includes(ext))
    return <FileTypeIcon {...props} className={cn(props.className, "text-muted-foreground")} />;
  return <GenericFileIcon {...props} className={cn(props.className, "text-muted-foreground")} />;
}
