CREATE TABLE "Sales Data"."user" (
    "order" integer NOT NULL,
    "Select" varchar(20),
    "say ""hi""" text,
    kind "order",
    user_id integer,
    CONSTRAINT user_pkey PRIMARY KEY ("order"),
    CONSTRAINT fk_user_user_id FOREIGN KEY (user_id) REFERENCES public."User" ("ID"),
    CONSTRAINT uq_user_select UNIQUE ("Select"),
    CONSTRAINT ck_user_order CHECK ("order" > 0)
);

