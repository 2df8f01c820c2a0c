"use client";

import { CheckIcon } from "lucide-react";
import { RadioGroup } from "radix-ui";
import { TemplateThumbnail } from "@/components/dashboard/template-thumbnail";
import type { TemplateOption } from "@/components/dashboard/types";
import { cn } from "@/lib/utils";

interface TemplatePickerProps {
  templates: TemplateOption[];
  value: string;
  onChange: (templateId: string) => void;
}

/** Templates as a radio group of cards: arrow keys move between them and pick. */
export function TemplatePicker({ templates, value, onChange }: TemplatePickerProps) {
  return (
    <RadioGroup.Root
      value={value}
      onValueChange={onChange}
      aria-label="Template"
      className="grid grid-cols-2 gap-3 md:grid-cols-4"
    >
      {templates.map((template) => {
        const selected = template.id === value;
        return (
          <RadioGroup.Item
            key={template.id}
            value={template.id}
            data-testid={`template-option-${template.id}`}
            className={cn(
              "group relative flex flex-col overflow-hidden rounded-lg border bg-card text-left transition-[border-color,box-shadow] outline-none hover:border-foreground/20 focus-visible:ring-[3px] focus-visible:ring-ring/50",
              selected && "border-primary ring-1 ring-primary hover:border-primary",
            )}
          >
            <TemplateThumbnail templateId={template.id} sections={template.sections} className="border-b" />
            <span className="grid gap-0.5 p-2.5 sm:p-3">
              <span className="font-medium">{template.name}</span>
              <span className="line-clamp-2 text-xs text-muted-foreground">{template.description}</span>
            </span>
            <RadioGroup.Indicator className="absolute top-2 right-2 grid size-5 place-items-center rounded-full bg-primary text-primary-foreground">
              <CheckIcon className="size-3" aria-hidden />
            </RadioGroup.Indicator>
          </RadioGroup.Item>
        );
      })}
    </RadioGroup.Root>
  );
}
