ALTER TABLE "Sales Data"."user"
    ALTER COLUMN "Select" TYPE integer USING "Select"::integer,
    ALTER COLUMN "Select" SET NOT NULL;

