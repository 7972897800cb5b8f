ALTER TABLE "Sales Data"."user" DROP CONSTRAINT "unique";

