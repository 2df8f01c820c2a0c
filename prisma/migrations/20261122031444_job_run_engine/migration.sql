-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "engine" TEXT NOT NULL DEFAULT 'local';
