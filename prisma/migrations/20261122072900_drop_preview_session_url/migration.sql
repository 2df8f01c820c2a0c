-- AlterTable
ALTER TABLE "PreviewSession" DROP COLUMN "url";
